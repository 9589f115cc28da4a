package io.supplyline.command.audit;

import java.util.List;

/** One page of a history search, with the total number of matching events. */
public record AuditPage(List<AuditedEvent> items, int page, int size, long total) {
}
