package io.supplyline.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A positive number of units in the product's unit of measure: what a line orders, a receipt adds
 * or a reservation holds. It is a plain number in JSON; zero or less cannot exist.
 */
public record Quantity(@JsonValue int value) implements Comparable<Quantity> {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Quantity {
        if (value < 1) {
            throw new IllegalArgumentException("A quantity must be at least 1 unit, not " + value);
        }
    }

    public static Quantity of(int value) {
        return new Quantity(value);
    }

    @Override
    public int compareTo(Quantity other) {
        return Integer.compare(value, other.value);
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
