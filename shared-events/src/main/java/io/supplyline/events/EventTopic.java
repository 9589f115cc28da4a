package io.supplyline.events;

/**
 * The topic that carries every domain event. Key = aggregate id, so one aggregate's events stay in
 * order on one partition; retention is infinite because the topic is the replayable history.
 */
public final class EventTopic {

    public static final String NAME = "supplychain.events";

    private EventTopic() {
    }
}
