package io.supplyline.command.http;

import java.io.IOException;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Every string of every command body is text a person could have typed: no NUL or other control
 * character (PostgreSQL cannot store a NUL, and the others break the boards, logs and CSV exports
 * downstream). Tab and newline are allowed only in the fields meant for prose.
 */
final class PlainText extends StdScalarDeserializer<String> {

    /** Fields that hold a sentence or a paragraph rather than a name. */
    private static final Set<String> PROSE = Set.of("note", "reason");

    private PlainText() {
        super(String.class);
    }

    /** Strings, and the names of enum constants too (Jackson would trim "LOST\u0000" to LOST). */
    static SimpleModule module() {
        return new SimpleModule("plain-text")
                .addDeserializer(String.class, new PlainText())
                .setDeserializerModifier(new BeanDeserializerModifier() {
                    @Override
                    public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                                      BeanDescription description,
                                                                      JsonDeserializer<?> deserializer) {
                        return new PlainEnumName(deserializer);
                    }
                });
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = StringDeserializer.instance.deserialize(parser, context);
        if (text != null) {
            check(parser, text, PROSE.contains(parser.getParsingContext().getCurrentName()));
        }
        return text;
    }

    private static void check(JsonParser parser, String text, boolean prose) throws InputRefused {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.CONTROL && !(prose && (c == '\t' || c == '\n'))) {
                throw new InputRefused(parser, String.format("must not contain the control character U+%04X%s", (int) c,
                        prose ? " (tab and newline are allowed)" : ""));
            }
        }
    }

    private static final class PlainEnumName extends DelegatingDeserializer {

        PlainEnumName(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new PlainEnumName(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                check(parser, parser.getText(), false);
            }
            return super.deserialize(parser, context);
        }
    }
}
