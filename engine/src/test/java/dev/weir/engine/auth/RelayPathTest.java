package dev.weir.engine.auth;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RelayPathTest {

    @Test
    void wireFormIsHexIdsJoinedByDots() {
        RelayPath p = RelayPath.parse("3f9a1c07b2e4.8d21e0aa45c3");
        assertEquals(List.of("3f9a1c07b2e4", "8d21e0aa45c3"), p.instances());
        assertEquals(2, p.hops());
        assertEquals("3f9a1c07b2e4.8d21e0aa45c3.0a", p.then("0a").wire());
        assertEquals(RelayPath.NONE, RelayPath.parse(null));
        assertEquals(RelayPath.NONE, RelayPath.parse(""));
    }

    @Test
    void whatWeirWouldNotWriteIsNoPath() {
        for (String bad : List.of("3F9A", "a..b", ".a", "a.", "a,b", "a b", "g1", "a".repeat(33), "ab.".repeat(700) + "ab")) {
            assertEquals(RelayPath.NONE, RelayPath.parse(bad), bad);
        }
    }

    @Test
    void srtStreamIdsCarryItAsAQueryOrAKey() {
        RelayPath ab = RelayPath.parse("aa.bb");
        assertEquals("publish:live/x?weir_relay=aa.bb", ab.addTo("publish:live/x"));
        assertEquals("publish:live/x?token=t&weir_relay=aa.bb", ab.addTo("publish:live/x?token=t"));
        assertEquals("#!::r=live/x,m=publish,weir_relay=aa.bb", ab.addTo("#!::r=live/x,m=publish"));
        assertEquals("live/x", ab.addTo("live/x"), "a bare stream id has no place for it");
        assertEquals("publish:live/x", RelayPath.NONE.addTo("publish:live/x"));

        for (String id : List.of("publish:live/x?weir_relay=aa.bb", "publish:live/x?token=t&weir_relay=aa.bb",
                "#!::r=live/x,m=publish,weir_relay=aa.bb", "#!::r=live/x?weir_relay=aa.bb,m=publish")) {
            assertEquals(ab, RelayPath.fromSrtStreamId(id), id);
        }
        assertEquals(RelayPath.NONE, RelayPath.fromSrtStreamId("publish:live/weir_relay=aa"));
        assertEquals(RelayPath.NONE, RelayPath.fromSrtStreamId(null));
    }

    @Test
    void theMarkStaysOutOfTheStreamKeyAndTheToken() throws Exception {
        SrtStreamId seed = SrtStreamId.parse("publish:live/x?token=t&weir_relay=aa.bb");
        assertEquals("live/x", seed.resource());
        assertEquals("t", seed.token());
        assertEquals("live/x", SrtStreamId.parse("#!::r=live/x,m=publish,weir_relay=aa.bb").resource());
    }
}
