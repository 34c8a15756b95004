// What prometheus-node-exporter 1.5.0 (Debian 12) printed for a made-up /proc (the node_ipvs_* lines of
// `prometheus-node-exporter --collector.disable-defaults --collector.ipvs --path.procfs=<dir>` with these
// two files in <dir>/net/): sort order of addresses and ports as strings, fwmark rows, IPv6, Go's
// exponent form for large values. The table in render-metrics.test.ts is the same table.

export const procNetIpVs = `IP Virtual Server version 1.2.1 (size=4096)
Prot LocalAddress:Port Scheduler Flags
  -> RemoteAddress:Port Forward Weight ActiveConn InActConn
TCP  0A000009:01BB wlc
  -> 0A000109:000A      Masq    1      0          0
  -> 0A000109:0009      Masq    2      1          0
TCP  0A00000A:0050 wlc
  -> 0A000101:1F90      Masq    3      2          5
  -> 0A000102:0050      Masq    1234567      0          0
UDP  0A00000A:0035 rr
  -> 0A000101:0035      Masq    1      0          4
TCP  [2001:0db8:0000:0000:0000:0000:0000:0001]:01BB rr
  -> [2001:0db8:0000:0000:0000:0000:0000:0010]:01BB      Masq    1      0          0
FWM  0000001A wlc
  -> 0A000201:0000      Masq    2      0          0
FWM  0000001B wlc
  -> 0A000201:0000      Masq    3      0          0
`;

export const procNetIpVsStats = `   Total Incoming Outgoing         Incoming         Outgoing
   Conns  Packets  Packets            Bytes            Bytes
 10000000000      7B       0              2BC0000000   0
 Conns/s   Pkts/s   Pkts/s          Bytes/s          Bytes/s
       0        0        0                0                0
`;

export const nodeExporterIpvsText = `# HELP node_ipvs_backend_connections_active The current active connections by local and remote address.
# TYPE node_ipvs_backend_connections_active gauge
node_ipvs_backend_connections_active{local_address="",local_mark="0000001A",local_port="0",proto="FWM",remote_address="10.0.2.1",remote_port="0"} 0
node_ipvs_backend_connections_active{local_address="",local_mark="0000001B",local_port="0",proto="FWM",remote_address="10.0.2.1",remote_port="0"} 0
node_ipvs_backend_connections_active{local_address="10.0.0.10",local_mark="",local_port="53",proto="UDP",remote_address="10.0.1.1",remote_port="53"} 0
node_ipvs_backend_connections_active{local_address="10.0.0.10",local_mark="",local_port="80",proto="TCP",remote_address="10.0.1.1",remote_port="8080"} 2
node_ipvs_backend_connections_active{local_address="10.0.0.10",local_mark="",local_port="80",proto="TCP",remote_address="10.0.1.2",remote_port="80"} 0
node_ipvs_backend_connections_active{local_address="10.0.0.9",local_mark="",local_port="443",proto="TCP",remote_address="10.0.1.9",remote_port="10"} 0
node_ipvs_backend_connections_active{local_address="10.0.0.9",local_mark="",local_port="443",proto="TCP",remote_address="10.0.1.9",remote_port="9"} 1
node_ipvs_backend_connections_active{local_address="2001:db8::1",local_mark="",local_port="443",proto="TCP",remote_address="2001:db8::10",remote_port="443"} 0
# HELP node_ipvs_backend_connections_inactive The current inactive connections by local and remote address.
# TYPE node_ipvs_backend_connections_inactive gauge
node_ipvs_backend_connections_inactive{local_address="",local_mark="0000001A",local_port="0",proto="FWM",remote_address="10.0.2.1",remote_port="0"} 0
node_ipvs_backend_connections_inactive{local_address="",local_mark="0000001B",local_port="0",proto="FWM",remote_address="10.0.2.1",remote_port="0"} 0
node_ipvs_backend_connections_inactive{local_address="10.0.0.10",local_mark="",local_port="53",proto="UDP",remote_address="10.0.1.1",remote_port="53"} 4
node_ipvs_backend_connections_inactive{local_address="10.0.0.10",local_mark="",local_port="80",proto="TCP",remote_address="10.0.1.1",remote_port="8080"} 5
node_ipvs_backend_connections_inactive{local_address="10.0.0.10",local_mark="",local_port="80",proto="TCP",remote_address="10.0.1.2",remote_port="80"} 0
node_ipvs_backend_connections_inactive{local_address="10.0.0.9",local_mark="",local_port="443",proto="TCP",remote_address="10.0.1.9",remote_port="10"} 0
node_ipvs_backend_connections_inactive{local_address="10.0.0.9",local_mark="",local_port="443",proto="TCP",remote_address="10.0.1.9",remote_port="9"} 0
node_ipvs_backend_connections_inactive{local_address="2001:db8::1",local_mark="",local_port="443",proto="TCP",remote_address="2001:db8::10",remote_port="443"} 0
# HELP node_ipvs_backend_weight The current backend weight by local and remote address.
# TYPE node_ipvs_backend_weight gauge
node_ipvs_backend_weight{local_address="",local_mark="0000001A",local_port="0",proto="FWM",remote_address="10.0.2.1",remote_port="0"} 2
node_ipvs_backend_weight{local_address="",local_mark="0000001B",local_port="0",proto="FWM",remote_address="10.0.2.1",remote_port="0"} 3
node_ipvs_backend_weight{local_address="10.0.0.10",local_mark="",local_port="53",proto="UDP",remote_address="10.0.1.1",remote_port="53"} 1
node_ipvs_backend_weight{local_address="10.0.0.10",local_mark="",local_port="80",proto="TCP",remote_address="10.0.1.1",remote_port="8080"} 3
node_ipvs_backend_weight{local_address="10.0.0.10",local_mark="",local_port="80",proto="TCP",remote_address="10.0.1.2",remote_port="80"} 1.234567e+06
node_ipvs_backend_weight{local_address="10.0.0.9",local_mark="",local_port="443",proto="TCP",remote_address="10.0.1.9",remote_port="10"} 1
node_ipvs_backend_weight{local_address="10.0.0.9",local_mark="",local_port="443",proto="TCP",remote_address="10.0.1.9",remote_port="9"} 2
node_ipvs_backend_weight{local_address="2001:db8::1",local_mark="",local_port="443",proto="TCP",remote_address="2001:db8::10",remote_port="443"} 1
# HELP node_ipvs_connections_total The total number of connections made.
# TYPE node_ipvs_connections_total counter
node_ipvs_connections_total 1.099511627776e+12
# HELP node_ipvs_incoming_bytes_total The total amount of incoming data.
# TYPE node_ipvs_incoming_bytes_total counter
node_ipvs_incoming_bytes_total 1.879048192e+11
# HELP node_ipvs_incoming_packets_total The total number of incoming packets.
# TYPE node_ipvs_incoming_packets_total counter
node_ipvs_incoming_packets_total 123
# HELP node_ipvs_outgoing_bytes_total The total amount of outgoing data.
# TYPE node_ipvs_outgoing_bytes_total counter
node_ipvs_outgoing_bytes_total 0
# HELP node_ipvs_outgoing_packets_total The total number of outgoing packets.
# TYPE node_ipvs_outgoing_packets_total counter
node_ipvs_outgoing_packets_total 0
`;
