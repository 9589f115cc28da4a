-- Carrier feeds name a shipment by its tracking number: which shipment carries which one, written with
-- the shipment's creation (on the embedded database from this version on).
CREATE TABLE known_shipment (
    shipment_id     VARCHAR(64) PRIMARY KEY,
    carrier         VARCHAR(100) NOT NULL,
    tracking_number VARCHAR(100) NOT NULL
);
CREATE INDEX known_shipment_tracking_number ON known_shipment (tracking_number);
