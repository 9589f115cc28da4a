-- Carrier feeds name a shipment by its tracking number: which shipment carries which one, written with
-- the shipment's creation. Shipments created before this table existed are read from their events.
CREATE TABLE known_shipment (
    shipment_id     VARCHAR(64) PRIMARY KEY,
    carrier         VARCHAR(100) NOT NULL,
    tracking_number VARCHAR(100) NOT NULL
);
CREATE INDEX known_shipment_tracking_number ON known_shipment (tracking_number);

INSERT INTO known_shipment (shipment_id, carrier, tracking_number)
SELECT created ->> 'shipmentId', created ->> 'carrier', created ->> 'trackingNumber'
FROM (SELECT convert_from(payload, 'UTF8')::jsonb AS created FROM domainevententry
      WHERE payloadtype = 'io.supplyline.events.shipping.ShipmentCreated') shipments
ON CONFLICT (shipment_id) DO NOTHING;
