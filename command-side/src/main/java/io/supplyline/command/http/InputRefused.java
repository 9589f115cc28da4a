package io.supplyline.command.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A JSON value of the right type that a command still cannot take; its message says why (answered 400). */
class InputRefused extends JsonMappingException {

    InputRefused(JsonParser parser, String reason) {
        super(parser, reason);
    }
}
