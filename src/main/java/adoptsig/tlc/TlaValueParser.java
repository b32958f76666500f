package adoptsig.tlc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses the values TLC prints in traces ({@code <<1, "a">>}, {@code [a |-> {1}]}, {@code (1 :> 2 @@ 3 :> 4)}). */
public final class TlaValueParser {
    private final String s;
    private int i;

    private TlaValueParser(String s) { this.s = s; }

    public static TlaValue parse(String text) {
        TlaValueParser p = new TlaValueParser(text);
        TlaValue v = p.value();
        p.ws();
        if (p.i != p.s.length()) throw p.error("unexpected text after value");
        return v;
    }

    private IllegalArgumentException error(String what) {
        int from = Math.max(0, i - 20), to = Math.min(s.length(), i + 20);
        return new IllegalArgumentException(what + " at offset " + i + " near '" + s.substring(from, to) + "'");
    }

    private void ws() { while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++; }

    private boolean eat(String tok) {
        ws();
        if (s.startsWith(tok, i)) { i += tok.length(); return true; }
        return false;
    }

    private void expect(String tok) { if (!eat(tok)) throw error("expected '" + tok + "'"); }

    private TlaValue value() {
        ws();
        if (i >= s.length()) throw error("unexpected end of value");
        char c = s.charAt(i);
        if (eat("<<")) {
            List<TlaValue> items = list(">>");
            return new TlaValue.Seq(items);
        }
        if (c == '{') { i++; return new TlaValue.Set(list("}")); }
        if (c == '[') { i++; return record(); }
        if (c == '(') { i++; return function(); }
        if (c == '"') return string();
        if (c == '-' || Character.isDigit(c)) return number();
        if (Character.isLetter(c) || c == '_') {
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
            String id = s.substring(start, i);
            if (id.equals("TRUE")) return new TlaValue.Bool(true);
            if (id.equals("FALSE")) return new TlaValue.Bool(false);
            return new TlaValue.Atom(id);
        }
        throw error("unexpected character '" + c + "'");
    }

    private List<TlaValue> list(String close) {
        List<TlaValue> items = new ArrayList<>();
        if (eat(close)) return items;
        do { items.add(value()); } while (eat(","));
        expect(close);
        return items;
    }

    private TlaValue record() {
        Map<String, TlaValue> fields = new LinkedHashMap<>();
        if (eat("]")) return new TlaValue.Rec(fields);
        do {
            ws();
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
            if (start == i) throw error("expected a field name");
            String name = s.substring(start, i);
            expect("|->");
            fields.put(name, value());
        } while (eat(","));
        expect("]");
        return new TlaValue.Rec(fields);
    }

    private TlaValue function() {
        Map<TlaValue, TlaValue> map = new LinkedHashMap<>();
        if (eat(")")) return new TlaValue.Fun(map);
        do {
            TlaValue k = value();
            expect(":>");
            map.put(k, value());
        } while (eat("@@"));
        expect(")");
        return new TlaValue.Fun(map);
    }

    private TlaValue string() {
        StringBuilder b = new StringBuilder();
        i++;
        while (i < s.length() && s.charAt(i) != '"') {
            char c = s.charAt(i++);
            if (c == '\\' && i < s.length()) {
                char e = s.charAt(i++);
                b.append(switch (e) { case 'n' -> '\n'; case 't' -> '\t'; default -> e; });
            } else b.append(c);
        }
        if (i >= s.length()) throw error("unterminated string");
        i++;
        return new TlaValue.Str(b.toString());
    }

    private TlaValue number() {
        int start = i;
        if (s.charAt(i) == '-') i++;
        while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
        if (start == i || (i == start + 1 && s.charAt(start) == '-')) throw error("expected a number");
        return new TlaValue.Int(Long.parseLong(s.substring(start, i)));
    }
}
