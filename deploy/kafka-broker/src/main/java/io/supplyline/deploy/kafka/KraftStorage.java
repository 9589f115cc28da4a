package io.supplyline.deploy.kafka;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.kafka.metadata.storage.Formatter;

/** What {@code kafka-storage format} does, done once per data directory. */
final class KraftStorage {

    private KraftStorage() {
    }

    static void formatIfNew(Path logDir, ClusterMember member) {
        // meta.properties holds the cluster id; formatting again would mint a new cluster
        // and Kafka would refuse the existing data, so a formatted directory is kept as it is.
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        Formatter formatter = new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(member.nodeId())
                .setClusterId(member.clusterId())
                .setControllerListenerName(KafkaBroker.CONTROLLER_LISTENER)
                // metadata.log.dir is unset, so the metadata log lives in the single log dir.
                .setMetadataLogDirectory(logDir.toString())
                // Static voters (controller.quorum.voters) rather than a KIP-853 dynamic quorum.
                .setHasDynamicQuorum(false)
                .addDirectory(logDir.toString());
        try {
            formatter.run();
        } catch (Exception e) {
            throw new IllegalStateException("Could not format Kafka storage in " + logDir, e);
        }
    }
}
