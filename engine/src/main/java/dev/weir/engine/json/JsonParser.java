package dev.weir.engine.json;

import dev.weir.engine.json.JsonValue.JsonArray;
import dev.weir.engine.json.JsonValue.JsonBoolean;
import dev.weir.engine.json.JsonValue.JsonNull;
import dev.weir.engine.json.JsonValue.JsonNumber;
import dev.weir.engine.json.JsonValue.JsonObject;
import dev.weir.engine.json.JsonValue.JsonString;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 parser into {@link JsonValue}. Strict because its input comes from the network (a remote
 * weir, an auth callback) and from operators' files, where a typo should be an error with a position rather
 * than a guess: no comments, no trailing commas, no duplicate member names, nesting at most {@value #MAX_DEPTH}.
 */
public final class JsonParser {
    /** Deeper documents are refused, so hostile input cannot exhaust the stack. */
    public static final int MAX_DEPTH = 64;

    private final String text;
    private int pos;
    private int depth;

    private JsonParser(String text) {
        this.text = text;
    }

    /** Parses one JSON value filling the whole text (surrounding whitespace allowed). */
    public static JsonValue parse(String text) {
        JsonParser p = new JsonParser(text);
        p.skipWhitespace();
        JsonValue v = p.value();
        p.skipWhitespace();
        if (p.pos != text.length()) throw p.error("unexpected '" + p.text.charAt(p.pos) + "' after the value");
        return v;
    }

    /** Parses and requires an object at the top. */
    public static JsonObject parseObject(String text) {
        JsonValue v = parse(text);
        if (v instanceof JsonObject o) return o;
        throw new JsonException("expected a JSON object at the top, found " + v.typeName());
    }

    private JsonValue value() {
        if (pos >= text.length()) throw error("unexpected end of input, expected a value");
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> new JsonString(string());
            case 't' -> literal("true", new JsonBoolean(true));
            case 'f' -> literal("false", new JsonBoolean(false));
            case 'n' -> literal("null", JsonNull.INSTANCE);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) yield number();
                throw error("unexpected '" + c + "', expected a value");
            }
        };
    }

    private JsonObject object() {
        enter();
        pos++; // '{'
        Map<String, JsonValue> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            depth--;
            return new JsonObject(members);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') throw error("expected a member name in quotes");
            int namePos = pos;
            String name = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            JsonValue v = value();
            if (members.putIfAbsent(name, v) != null) {
                pos = namePos;
                throw error("member '" + name + "' appears twice");
            }
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == '}') break;
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}' in object");
            }
        }
        depth--;
        return new JsonObject(members);
    }

    private JsonArray array() {
        enter();
        pos++; // '['
        List<JsonValue> elements = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            depth--;
            return new JsonArray(elements);
        }
        while (true) {
            skipWhitespace();
            elements.add(value());
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == ']') break;
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']' in array");
            }
        }
        depth--;
        return new JsonArray(elements);
    }

    private String string() {
        pos++; // opening quote
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) throw error("unterminated string");
            char c = text.charAt(pos++);
            if (c == '"') return sb.toString();
            if (c < 0x20) {
                pos--;
                throw error("control character U+" + String.format("%04X", (int) c) + " must be escaped in a string");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= text.length()) throw error("unterminated escape");
            char e = text.charAt(pos++);
            switch (e) {
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case '/' -> sb.append('/');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> sb.append(hex4());
                default -> {
                    pos--;
                    throw error("unknown escape '\\" + e + "'");
                }
            }
        }
    }

    private char hex4() {
        if (pos + 4 > text.length()) throw error("truncated \\u escape");
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(text.charAt(pos + i), 16);
            if (d < 0) throw error("bad hex digit in \\u escape");
            v = v * 16 + d;
        }
        pos += 4;
        return (char) v;
    }

    private JsonNumber number() {
        int start = pos;
        if (peek() == '-') pos++;
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            while (isDigit(peek())) pos++;
        } else {
            throw error("expected a digit");
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) throw error("expected a digit after '.'");
            while (isDigit(peek())) pos++;
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') pos++;
            if (!isDigit(peek())) throw error("expected a digit in the exponent");
            int expStart = pos;
            while (isDigit(peek())) pos++;
            // BigDecimal's scale is an int; absurd exponents are refused rather than thrown from deep inside.
            if (pos - expStart > 9) throw error("exponent too large");
        }
        return new JsonNumber(new BigDecimal(text.substring(start, pos)));
    }

    private JsonValue literal(String word, JsonValue v) {
        if (!text.startsWith(word, pos)) throw error("unexpected token, expected '" + word + "'");
        pos += word.length();
        return v;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) throw error("nesting deeper than " + MAX_DEPTH);
    }

    private void expect(char c) {
        if (peek() != c) throw error("expected '" + c + "'");
        pos++;
    }

    /** The next character, or NUL at the end (NUL is never valid outside strings, so it fails every check). */
    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
            pos++;
        }
    }

    private JsonException error(String what) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < Math.min(pos, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new JsonException("JSON error at line " + line + ", column " + col + ": " + what);
    }
}
