package adoptsig.tlc;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TlaValueParserTest {
    @Test
    void parsesTheShapesTlcPrints() {
        TlaValue v = TlaValueParser.parse("[a |-> {2, 3}, b |-> <<\"x\", TRUE, -1>>, c |-> (1 :> 2 @@ 3 :> 4), d |-> <<>>]");
        assertThat(v.apply("a").elements()).extracting(TlaValue::asInt).containsExactly(2L, 3L);
        assertThat(v.apply("b").apply(1).asStr()).isEqualTo("x");
        assertThat(v.apply("b").apply(2).asBool()).isTrue();
        assertThat(v.apply("b").apply(3).asInt()).isEqualTo(-1);
        assertThat(v.apply("c").apply(3).asInt()).isEqualTo(4);
        assertThat(v.apply("d").elements()).isEmpty();
        assertThat(TlaValueParser.parse(v.toString())).isEqualTo(v);
    }

    @Test
    void rejectsMalformedValuesWithAPosition() {
        assertThatThrownBy(() -> TlaValueParser.parse("[a |-> 1")).hasMessageContaining("expected ']'");
        assertThatThrownBy(() -> TlaValueParser.parse("<<1, 2>> x")).hasMessageContaining("unexpected text");
    }

    @Test
    void readsATraceStateAsTlcPrintsIt() {
        TraceState s = TlcOutput.parseState("""
                3: <Exit line 10, col 5 to line 20, col 9 of module Kernel>
                /\\ rtq = <<[prev |-> 2, pid |-> 3]>>
                /\\ lastAction = [ name |-> "Exit",
                  actor |-> 2 ]
                /\\ pstate = <<"running", "zombie">>""");
        assertThat(s.index()).isEqualTo(3);
        assertThat(s.label()).startsWith("Exit line 10");
        assertThat(s.var("lastAction").apply("name").asStr()).isEqualTo("Exit");
        assertThat(s.var("rtq").elements().get(0).apply("pid").asInt()).isEqualTo(3);
        assertThat(s.var("pstate").apply(2).asStr()).isEqualTo("zombie");
    }
}
