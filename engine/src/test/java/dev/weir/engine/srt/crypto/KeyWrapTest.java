package dev.weir.engine.srt.crypto;

import static dev.weir.engine.srt.packet.GoldenCapture.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 3394 section 4 test vectors. */
class KeyWrapTest {

    @ParameterizedTest(name = "RFC 3394 {0}")
    @CsvSource({
            "4.1, 000102030405060708090A0B0C0D0E0F, 00112233445566778899AABBCCDDEEFF, "
                    + "1FA68B0A8112B447AEF34BD8FB5A7B829D3E862371D2CFE5",
            "4.2, 000102030405060708090A0B0C0D0E0F1011121314151617, 00112233445566778899AABBCCDDEEFF, "
                    + "96778B25AE6CA435F92B5B97C050AED2468AB8A17AD84E5D",
            "4.3, 000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F, "
                    + "00112233445566778899AABBCCDDEEFF, 64E8C3F9CE0F5BA263E9777905818A2A93C8191E7D6E8AE7",
            "4.6, 000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F, "
                    + "00112233445566778899AABBCCDDEEFF000102030405060708090A0B0C0D0E0F, "
                    + "28C9F404C4B810F4CBCCB35CFB87F8263F5786E2D80ED326CBC7F0E71A99F43BFB988B9B7A02DD21",
    })
    void wrapsAndUnwraps(String section, String kek, String key, String wrapped) throws Exception {
        assertArrayEquals(hex(wrapped), KeyWrap.wrap(hex(kek), hex(key)));
        assertArrayEquals(hex(key), KeyWrap.unwrap(hex(kek), hex(wrapped)));
    }

    @ParameterizedTest
    @CsvSource({"000102030405060708090A0B0C0D0E0F, 1FA68B0A8112B447AEF34BD8FB5A7B829D3E862371D2CFE4"})
    void corruptedWrapFailsTheIntegrityCheck(String kek, String wrapped) {
        assertThrows(KeyUnwrapException.class, () -> KeyWrap.unwrap(hex(kek), hex(wrapped)));
    }
}
