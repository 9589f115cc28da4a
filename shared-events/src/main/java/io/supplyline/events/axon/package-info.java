/**
 * The Axon side of the contract: how events are serialized, and how older revisions are upcast on
 * reading. Only Axon and Jackson types; the services bring both.
 */
package io.supplyline.events.axon;
