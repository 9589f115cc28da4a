package io.supplyline.command.audit;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One stored event's place in its aggregate's hash chain, and the fields auditors search by. */
@Entity
@Table(name = "event_audit")
public class AuditRecord extends PanacheEntityBase {

    @Id
    public String eventId;
    public String aggregateId;
    public long sequenceNumber;
    /** The event's simple class name, e.g. {@code StockReceived}. */
    public String eventType;
    public Instant occurredAt;
    public String principal;
    public String correlationId;
    public String commandName;
    public String previousHash;
    public String hash;
}
