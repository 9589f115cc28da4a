/** Axon helpers both services use: correlation ids in the log context, and reading stored tokens. */
package io.supplyline.support.axon;
