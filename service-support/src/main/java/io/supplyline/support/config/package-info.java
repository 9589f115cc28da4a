/** Configuration checks both services make at startup. */
package io.supplyline.support.config;
