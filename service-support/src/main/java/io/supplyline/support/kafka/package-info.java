/** How both services reach Kafka: settings, client files, topic creation and the health check. */
package io.supplyline.support.kafka;
