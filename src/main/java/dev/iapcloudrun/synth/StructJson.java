package dev.iapcloudrun.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.core.internal.Constants;

import java.util.TreeMap;

/**
 * Turns the property structs the Pulumi SDK sends to the engine into plan JSON. Secrets become
 * {@code "[secret]"} (their value is dropped here, before anything can print it) and values only known
 * after deployment become {@code "[unknown]"}.
 */
public final class StructJson {

    public static final String SECRET = "[secret]";
    public static final String UNKNOWN = "[unknown]";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private StructJson() {}

    static ObjectNode object(Struct struct) {
        var node = JSON.objectNode();
        new TreeMap<>(struct.getFieldsMap()).forEach((key, value) -> node.set(key, value(value)));
        return node;
    }

    static JsonNode value(Value value) {
        return switch (value.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> JSON.nullNode();
            case BOOL_VALUE -> JSON.booleanNode(value.getBoolValue());
            case NUMBER_VALUE -> number(value.getNumberValue());
            case STRING_VALUE -> Constants.UnknownValue.equals(value.getStringValue()) ? JSON.textNode(UNKNOWN) : JSON.textNode(value.getStringValue());
            case LIST_VALUE -> {
                ArrayNode list = JSON.arrayNode();
                value.getListValue().getValuesList().forEach(item -> list.add(value(item)));
                yield list;
            }
            case STRUCT_VALUE -> special(value.getStructValue());
        };
    }

    private static JsonNode special(Struct struct) {
        var sig = struct.getFieldsMap().get(Constants.SpecialSigKey);
        if (sig != null && Constants.SpecialSecretSig.equals(sig.getStringValue())) {
            return JSON.textNode(SECRET);
        }
        if (sig != null && Constants.SpecialResourceSig.equals(sig.getStringValue())) {
            return JSON.textNode("[resource " + struct.getFieldsMap().get("urn").getStringValue() + "]");
        }
        return object(struct);
    }

    private static JsonNode number(double number) {
        if (number == Math.rint(number) && Math.abs(number) < 1e15) {
            return JSON.numberNode((long) number);
        }
        return JSON.numberNode(number);
    }
}
