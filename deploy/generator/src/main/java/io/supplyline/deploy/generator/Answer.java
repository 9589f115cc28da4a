package io.supplyline.deploy.generator;

/** One HTTP answer of the command API: {@code id} and {@code version} on success, {@code code} on refusal. */
record Answer(int status, String id, long version, String code) {

    boolean accepted() {
        return status >= 200 && status < 300;
    }

    /** The UUID after the aggregate type in an id such as {@code order:6f0c...}. */
    String uuid() {
        return id.substring(id.indexOf(':') + 1);
    }
}
