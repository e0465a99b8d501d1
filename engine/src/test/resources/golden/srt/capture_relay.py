# UDP relay between an SRT caller and listener, logging every datagram as hex (test capture aid).
import socket, sys, select, time
listen_port, target_port, out, dur = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], float(sys.argv[4])
a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); a.bind(('127.0.0.1', listen_port))
b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); b.bind(('127.0.0.1', 0))
caller = None; t0 = time.time(); dropped=set(); ndata=0; lossy=len(sys.argv)>5
with open(out, 'w') as f:
    while time.time() - t0 < dur:
        r, _, _ = select.select([a, b], [], [], 0.2)
        for s in r:
            data, addr = s.recvfrom(65536)
            if s is a:
                caller = addr; d = 'C>L'
                if lossy and not (data[0] & 0x80):
                    seq = int.from_bytes(data[0:4],'big'); ndata += 1
                    if (ndata % 8 in (3, 4, 5) if len(sys.argv) > 6 else ndata % 5 == 3) and seq not in dropped:
                        dropped.add(seq); f.write('%.6f DROP %s\n' % (time.time()-t0, data[:16].hex())); continue
                b.sendto(data, ('127.0.0.1', target_port))
            else:
                if caller: a.sendto(data, caller)
                d = 'L>C'
            f.write('%.6f %s %s\n' % (time.time() - t0, d, data.hex())); f.flush()
