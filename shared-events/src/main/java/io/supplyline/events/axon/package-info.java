/**
 * The Axon side of the contract both services share: how events are serialized and how Axon's
 * units of work join Quarkus' JTA transactions. Only Axon and JTA types; the services bring both.
 */
package io.supplyline.events.axon;
