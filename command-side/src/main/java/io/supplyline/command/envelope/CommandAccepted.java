package io.supplyline.command.envelope;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to every accepted command: the aggregate it changed and that aggregate's new version. */
@Schema(description = "The command was accepted: the aggregate it created or changed, and that aggregate's new version")
public record CommandAccepted(
        @Schema(required = true, description = "The aggregate's id, as every path of both APIs takes it",
                examples = "product:PALLET-EUR") String id,
        @Schema(required = true, description = "The aggregate's version after the command (0 after a create); also the"
                + " ETag. Send it as If-Match, or to the query API as minVersion or X-Read-After to read this write",
                examples = "0") long version) {
}
