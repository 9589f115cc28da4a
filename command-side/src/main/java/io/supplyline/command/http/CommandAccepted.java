package io.supplyline.command.http;

/** The answer to every accepted command: the aggregate it changed and that aggregate's new version. */
public record CommandAccepted(String id, long version) {
}
