-- The order-fulfilment processes leave Axon's saga store: one row per open order, keyed by its id
-- (a keyed read and write per event instead of association queries), and one row per stock item a
-- backordered order waits for. Open processes move over unchanged (their state was already JSON of
-- the same fields).
CREATE TABLE order_process (
    order_id VARCHAR(64) PRIMARY KEY,
    state    BYTEA       NOT NULL
);

CREATE TABLE order_process_wait (
    stock_item_id VARCHAR(255) NOT NULL,
    order_id      VARCHAR(64)  NOT NULL,
    PRIMARY KEY (stock_item_id, order_id)
);

INSERT INTO order_process (order_id, state)
SELECT a.associationvalue, s.serializedsaga
FROM sagaentry s
JOIN associationvalueentry a ON a.sagaid = s.sagaid AND a.sagatype = s.sagatype AND a.associationkey = 'orderId'
WHERE s.sagatype = 'io.supplyline.command.fulfilment.OrderFulfilment';

INSERT INTO order_process_wait (stock_item_id, order_id)
SELECT DISTINCT w.associationvalue, o.associationvalue
FROM associationvalueentry w
JOIN associationvalueentry o ON o.sagaid = w.sagaid AND o.sagatype = w.sagatype AND o.associationkey = 'orderId'
WHERE w.associationkey = 'stockItemId' AND w.sagatype = 'io.supplyline.command.fulfilment.OrderFulfilment';

DROP TABLE associationvalueentry;
DROP TABLE sagaentry;
