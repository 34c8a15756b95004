// Real ipvsadm 1.31 text from docs/reference/ipvsadm-1.31-captured.md (Linux 6.1 in user-mode Linux) and
// the save example of docs/reference/ipvsadm-save-format.md.

/** The commands that built the captured table (with thresholds on one real server). */
export const capturedBuildCommands = `ipvsadm -A -t 10.10.10.10:80 -s wrr
ipvsadm -a -t 10.10.10.10:80 -r 10.20.0.2:80 -m -w 3 -x 100 -y 50
ipvsadm -a -t 10.10.10.10:80 -r 10.30.0.2:80 -m -w 1
ipvsadm -A -t 10.10.10.10:443 -s sh -b sh-fallback,sh-port -p 600 -M 255.255.255.0
ipvsadm -a -t 10.10.10.10:443 -r 10.20.0.2:443 -g -w 0
ipvsadm -A -u 10.10.10.10:53 -s lc
ipvsadm -a -u 10.10.10.10:53 -r 10.20.0.2:5353 -m -w 2
ipvsadm -A -f 7 -s rr -p
ipvsadm -a -f 7 -r 10.20.0.2:0 -i -w 5
ipvsadm -A -t [2001:db8::10]:80 -s mh -b mh-fallback,mh-port
ipvsadm -a -t [2001:db8::10]:80 -r [2001:db8::20]:8080 -m -w 1
ipvsadm -A --sctp-service 10.10.10.10:3868 -s rr
ipvsadm -a --sctp-service 10.10.10.10:3868 -r 10.20.0.2:3868 -i --tun-type gue --tun-port 6080 --tun-nocsum
ipvsadm -A -f 8 -6 -s wlc
`;

/** `ipvsadm -Sn` of that table. */
export const capturedSaveNumeric = `-A -t 10.10.10.10:80 -s wrr
-a -t 10.10.10.10:80 -r 10.20.0.2:80 -m -w 3
-a -t 10.10.10.10:80 -r 10.30.0.2:80 -m -w 1
-A -t 10.10.10.10:443 -s sh -p 600 -M 255.255.255.0 -b sh-fallback,sh-port
-a -t 10.10.10.10:443 -r 10.20.0.2:443 -g -w 0
-A -u 10.10.10.10:53 -s lc
-a -u 10.10.10.10:53 -r 10.20.0.2:5353 -m -w 2
-A --sctp-service 10.10.10.10:3868 -s rr
-a --sctp-service 10.10.10.10:3868 -r 10.20.0.2:3868 -i -w 1 --tun-type gue --tun-port 6080 --tun-nocsum
-A -t [2001:db8::10]:80 -s mh -b mh-fallback,mh-port
-a -t [2001:db8::10]:80 -r [2001:db8::20]:8080 -m -w 1
-A -f 7 -s rr -p 360
-a -f 7 -r 10.20.0.2:0 -i -w 5 --tun-type ipip
-A -f 8 -6 -s wlc
`;

/** `ipvsadm -S` (names resolved through /etc/services) of the same table. */
export const capturedSaveNamed = `-A -t 10.10.10.10:http -s wrr
-a -t 10.10.10.10:http -r 10.20.0.2:http -m -w 3
-a -t 10.10.10.10:http -r 10.30.0.2:http -m -w 1
-A -t 10.10.10.10:https -s sh -p 600 -M 255.255.255.0 -b sh-fallback,sh-port
-a -t 10.10.10.10:https -r 10.20.0.2:https -g -w 0
-A -u 10.10.10.10:domain -s lc
-a -u 10.10.10.10:domain -r 10.20.0.2:mdns -m -w 2
-A --sctp-service 10.10.10.10:3868 -s rr
-a --sctp-service 10.10.10.10:3868 -r 10.20.0.2:3868 -i -w 1 --tun-type gue --tun-port 6080 --tun-nocsum
-A -t [2001:db8::10]:http -s mh -b mh-fallback,mh-port
-a -t [2001:db8::10]:http -r [2001:db8::20]:http-alt -m -w 1
-A -f 7 -s rr -p 360
-a -f 7 -r 10.20.0.2:0 -i -w 5 --tun-type ipip
-A -f 8 -6 -s wlc
`;

/** The hand-written example of docs/reference/ipvsadm-save-format.md. */
export const referenceSaveExample = `-A -t 10.0.0.1:80 -s rr
-a -t 10.0.0.1:80 -r 10.0.1.2:80 -m -w 1
-a -t 10.0.0.1:80 -r 10.0.1.3:8080 -m -w 2
-A -t 10.0.0.2:443 -s wlc -p 1800 -M 255.255.255.0
-a -t 10.0.0.2:443 -r 10.0.1.4:443 -g -w 5
-A -t [2001:db8::1]:80 -s sh -p 300 -M 64 -b sh-fallback,sh-port
-a -t [2001:db8::1]:80 -r [2001:db8::10]:80 -m -w 1
-A -u 10.0.0.1:53 -s wrr -o
-a -u 10.0.0.1:53 -r 10.0.1.2:53 -g -w 1
-A --sctp-service 10.0.0.3:3868 -s rr
-a --sctp-service 10.0.0.3:3868 -r 10.0.1.7:3868 -m -w 1
-A -f 100 -s rr
-a -f 100 -r 10.0.1.5:0 -i -w 1 --tun-type ipip
-a -f 100 -r 10.0.1.8:0 -i -w 1 --tun-type gue --tun-port 6080 --tun-csum
-A -f 200 -6 -s mh -p 360 -b mh-port
-a -f 200 -6 -r [2001:db8::20]:0 -g -w 3
`;
