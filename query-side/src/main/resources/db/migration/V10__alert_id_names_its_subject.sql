-- An alert's id is now {causing event}/{type}/{subject}: one event can open one type for several subjects.
ALTER TABLE alert ALTER COLUMN id SET DATA TYPE VARCHAR(400);
