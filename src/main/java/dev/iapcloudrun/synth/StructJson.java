package dev.iapcloudrun.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.core.internal.Constants;
import dev.iapcloudrun.components.Sha256;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns the property structs the Pulumi SDK sends to the engine into plan JSON. Secrets become
 * {@code "[secret]"} (their value is dropped here, before anything can print it), or
 * {@code "[secret FINGERPRINT]"} when the value is a secret of the stack's config as stored, encrypted, in
 * {@code Pulumi.<stack>.yaml}: the fingerprint is a hash of that ciphertext, so a rotated secret shows as changed
 * while nothing derived from its plain text is ever written. Values only known after deployment become
 * {@code "[unknown]"}.
 */
public final class StructJson {

    public static final String SECRET = "[secret]";
    public static final String UNKNOWN = "[unknown]";

    private static final Pattern SECRET_MARKER = Pattern.compile("\\[secret( [0-9a-f]{16})?]");

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private StructJson() {}

    /** Whether a plan value stands for a secret. */
    public static boolean isSecret(JsonNode node) {
        return node.isTextual() && SECRET_MARKER.matcher(node.textValue()).matches();
    }

    /**
     * The fingerprints of the stack's secret config values: the first 16 hex digits of the SHA-256 of each value
     * as the program sees it offline, the ciphertext of {@code Pulumi.<stack>.yaml}. Hashing only the ciphertext
     * keeps a weak secret from being guessed from its plan; deterministic, because the ciphertext only changes
     * when the secret is set again. Only values read from the config file may be passed here, never decrypted ones.
     */
    static Map<String, String> fingerprints(Map<String, String> config, Set<String> secretKeys) {
        var fingerprints = new HashMap<String, String>();
        for (var key : secretKeys) {
            var ciphertext = config.get(key);
            if (ciphertext != null && !ciphertext.isEmpty()) {
                fingerprints.put(ciphertext, Sha256.hex(ciphertext).substring(0, 16));
            }
        }
        return fingerprints;
    }

    /** The struct as plan JSON: keys sorted, secrets as {@link #SECRET}, unknowns as {@link #UNKNOWN}. */
    public static ObjectNode object(Struct struct) {
        return object(struct, Map.of());
    }

    /** @param fingerprints secret values that are config ciphertexts, with their fingerprints */
    static ObjectNode object(Struct struct, Map<String, String> fingerprints) {
        var node = JSON.objectNode();
        new TreeMap<>(struct.getFieldsMap()).forEach((key, value) -> node.set(key, value(value, fingerprints)));
        return node;
    }

    /** One value as plan JSON; see {@link #object(Struct)}. */
    public static JsonNode value(Value value) {
        return value(value, Map.of());
    }

    private static JsonNode value(Value value, Map<String, String> fingerprints) {
        return switch (value.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> JSON.nullNode();
            case BOOL_VALUE -> JSON.booleanNode(value.getBoolValue());
            case NUMBER_VALUE -> number(value.getNumberValue());
            case STRING_VALUE -> Constants.UnknownValue.equals(value.getStringValue()) ? JSON.textNode(UNKNOWN) : JSON.textNode(value.getStringValue());
            case LIST_VALUE -> {
                ArrayNode list = JSON.arrayNode();
                value.getListValue().getValuesList().forEach(item -> list.add(value(item, fingerprints)));
                yield list;
            }
            case STRUCT_VALUE -> special(value.getStructValue(), fingerprints);
        };
    }

    private static JsonNode special(Struct struct, Map<String, String> fingerprints) {
        var sig = struct.getFieldsMap().get(Constants.SpecialSigKey);
        if (sig != null && Constants.SpecialSecretSig.equals(sig.getStringValue())) {
            var secret = struct.getFieldsMap().get("value");
            var fingerprint = secret == null ? null : fingerprints.get(secret.getStringValue());
            return JSON.textNode(fingerprint == null ? SECRET : "[secret " + fingerprint + "]");
        }
        if (sig != null && Constants.SpecialOutputSig.equals(sig.getStringValue())) {
            // An output value, as a component provider answers Construct: secret, unknown, or its value.
            var fields = struct.getFieldsMap();
            if (fields.containsKey(Constants.SecretName) && fields.get(Constants.SecretName).getBoolValue()) {
                return JSON.textNode(SECRET);
            }
            return fields.containsKey(Constants.SecretValueName) ? value(fields.get(Constants.SecretValueName), fingerprints)
                    : JSON.textNode(UNKNOWN);
        }
        if (sig != null && Constants.SpecialResourceSig.equals(sig.getStringValue())) {
            return JSON.textNode("[resource " + struct.getFieldsMap().get("urn").getStringValue() + "]");
        }
        return object(struct, fingerprints);
    }

    private static JsonNode number(double number) {
        if (number == Math.rint(number) && Math.abs(number) < 1e15) {
            return JSON.numberNode((long) number);
        }
        return JSON.numberNode(number);
    }
}
