/**
 * The HTTP conventions both services keep: problem+json answers and their codes in the OpenAPI
 * document, path-parameter shapes, refusing control characters, and telling a database outage (503)
 * from a fault of ours.
 */
package io.supplyline.support.http;
