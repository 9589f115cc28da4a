package io.supplyline.command.http;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Command bodies are read strictly: 1.5 units is not silently one unit, nor "7" seven; text holds no control
 * characters; dates lie within {@code supplyline.commands.plausible-years} of today. Unknown fields
 * are refused too (application.properties), so a misspelt optional field is reported instead of dropped.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    private final int plausibleYears;

    StrictJson(@ConfigProperty(name = "supplyline.commands.plausible-years") int plausibleYears) {
        this.plausibleYears = plausibleYears;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // A count is a JSON number: "7" or true is a client's bug, not seven or one.
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.registerModule(PlainText.module());
        mapper.registerModule(PlausibleTime.module(plausibleYears));
    }

    /** After Quarkus's own customizers, which register the date and time types these replace. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }
}
