-- Set-based validation for purchase orders: only active suppliers and products still bought.
CREATE TABLE known_supplier (
    code      VARCHAR(64) PRIMARY KEY,
    suspended BOOLEAN     NOT NULL DEFAULT FALSE
);

ALTER TABLE known_product ADD COLUMN discontinued BOOLEAN NOT NULL DEFAULT FALSE;
