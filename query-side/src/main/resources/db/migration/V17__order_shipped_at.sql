-- When each order shipped (its OrderShipped event's time), and that day in UTC: the order board judges an order
-- late against its requested delivery date in queries, where a time would turn into a day in the session's zone.
ALTER TABLE order_board ADD COLUMN shipped_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE order_board ADD COLUMN shipped_on DATE;

-- Orders shipped before this version: a shipped order's last event is its OrderShipped; a delivered one shipped
-- when its shipment was dispatched, within moments. A rebuild of the orders projection sets every one exactly.
UPDATE order_board SET shipped_at = updated_at WHERE status = 'SHIPPED';
UPDATE order_board SET shipped_at = (SELECT s.dispatched_at FROM shipment_board s WHERE s.id = order_board.shipment_id)
WHERE status = 'DELIVERED';
UPDATE order_board SET shipped_on = CAST(shipped_at AT TIME ZONE 'UTC' AS DATE) WHERE shipped_at IS NOT NULL;
