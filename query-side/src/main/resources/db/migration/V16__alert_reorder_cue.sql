-- The reorder cue of stock alerts: the alert projection keeps what each purchase order still brings per SKU
-- and so the units on their way to each stock item; an open low-stock or stockout alert says whether to
-- reorder now (nothing on its way), and a stockout suggests a quantity too.
CREATE TABLE alert_purchase_order_line (
    purchase_order_id VARCHAR(100) NOT NULL REFERENCES alert_purchase_order (id),
    sku               VARCHAR(64)  NOT NULL,
    remaining         BIGINT       NOT NULL,
    PRIMARY KEY (purchase_order_id, sku)
);
ALTER TABLE alert_stock_item ADD COLUMN inbound BIGINT NOT NULL DEFAULT 0;
ALTER TABLE alert ADD COLUMN reorder_now BOOLEAN NOT NULL DEFAULT FALSE;

-- What was applied before: the stock-levels projection has applied the very same events (one engine, one set
-- of positions), so its inbound figures are the alert projection's too. A rebuild of the alerts recomputes them.
INSERT INTO alert_purchase_order_line (purchase_order_id, sku, remaining)
SELECT purchase_order_id, sku, remaining FROM stock_inbound_line
WHERE purchase_order_id IN (SELECT id FROM alert_purchase_order);
UPDATE alert_stock_item SET inbound = COALESCE((SELECT s.inbound FROM stock_level s WHERE s.id = alert_stock_item.id), 0);
-- Items only ordered, never stocked: a row for their inbound units, without a version of the item's own.
INSERT INTO alert_stock_item (id, warehouse, sku, inbound, version)
SELECT id, warehouse, sku, inbound, -1 FROM stock_level
WHERE inbound <> 0 AND id NOT IN (SELECT id FROM alert_stock_item);

UPDATE alert SET suggested_reorder_quantity = (
    SELECT COALESCE(p.reorder_point, 0) - (i.on_hand - i.reserved) + GREATEST(1, COALESCE(p.reorder_quantity, 0))
    FROM alert_stock_item i LEFT JOIN alert_product p ON p.id = 'product:' || i.sku
    WHERE i.id = alert.subject)
WHERE is_open AND type = 'STOCKOUT';
UPDATE alert SET reorder_now = COALESCE((SELECT i.inbound <= 0 FROM alert_stock_item i WHERE i.id = alert.subject), TRUE)
WHERE is_open AND type IN ('LOW_STOCK', 'STOCKOUT');
