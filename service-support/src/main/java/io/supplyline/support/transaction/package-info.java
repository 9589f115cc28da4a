/** Quarkus' JTA transactions: Axon's units of work join them, and work can wait for their commit. */
package io.supplyline.support.transaction;
