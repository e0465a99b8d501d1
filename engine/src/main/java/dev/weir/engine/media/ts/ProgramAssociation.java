package dev.weir.engine.media.ts;

import java.util.ArrayList;
import java.util.List;

/**
 * The program association table (PAT, table_id 0 on PID 0): which PID carries each program's map.
 *
 * @param transportStreamId the transport_stream_id
 * @param version           5-bit version_number; a change means the table changed
 * @param programs          program number → PMT PID (the network PID entry, program 0, is left out)
 */
public record ProgramAssociation(int transportStreamId, int version, List<Program> programs) {

    public record Program(int number, int pmtPid) {
    }

    public ProgramAssociation {
        programs = List.copyOf(programs);
    }

    /** Parses a complete, CRC-checked section. */
    public static ProgramAssociation parse(byte[] s) throws TsFormatException {
        if ((s[0] & 0xFF) != 0x00) {
            throw new TsFormatException("PAT section has table_id " + (s[0] & 0xFF) + ", expected 0");
        }
        int total = 3 + (((s[1] & 0x0F) << 8) | (s[2] & 0xFF));
        int tsid = ((s[3] & 0xFF) << 8) | (s[4] & 0xFF);
        int version = (s[5] >> 1) & 0x1F;
        List<Program> programs = new ArrayList<>();
        for (int p = 8; p + 4 <= total - 4; p += 4) {
            int number = ((s[p] & 0xFF) << 8) | (s[p + 1] & 0xFF);
            int pid = ((s[p + 2] & 0x1F) << 8) | (s[p + 3] & 0xFF);
            if (number != 0) {
                programs.add(new Program(number, pid));
            }
        }
        return new ProgramAssociation(tsid, version, programs);
    }
}
