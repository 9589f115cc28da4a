-- The latest purchase order of a SKU is the one placed last, whatever order the topic delivers them in.
ALTER TABLE alert_product ADD COLUMN last_supplier_at TIMESTAMP WITH TIME ZONE;
