// The benchmark table of issue 3 (1,000 TCP services x 10 NAT real servers by default), as ipvsadm restore
// text and as the agent's ServiceInput/DestinationInput values, so every bench and test builds the same one.
// Service i is 10.100.<i/250>.<i%250+1>:80; its real servers 10.200.<i/25>.<(i%25)*10+d+1>:80 (as
// bench/netlink does), scheduler wlc, weight 1.

function serviceAddress(i) {
  return `10.100.${Math.floor(i / 250)}.${(i % 250) + 1}`;
}

function destinationAddress(i, d) {
  return `10.200.${Math.floor(i / 25)}.${(i % 25) * 10 + d + 1}`;
}

function checkSize(services, dests) {
  // 250 per /24 for services, 25 x 10 per /24 for real servers: 256 blocks of each before addresses repeat.
  if (!(services >= 1 && services <= 250 * 256 && dests >= 1 && dests <= 10)) {
    throw new Error(`table size out of range: ${services} services x ${dests} real servers (max 64000 x 10)`);
  }
}

/** `ipvsadm -R` text for the table, one rule a line, ending with a newline. */
export function tableRules(services, dests) {
  checkSize(services, dests);
  const lines = [];
  for (let i = 0; i < services; i++) {
    const vip = `${serviceAddress(i)}:80`;
    lines.push(`-A -t ${vip} -s wlc`);
    for (let d = 0; d < dests; d++) lines.push(`-a -t ${vip} -r ${destinationAddress(i, d)}:80 -m -w 1`);
  }
  return `${lines.join('\n')}\n`;
}

/** The same table as backend inputs: [{ service: ServiceInput, destinations: DestinationInput[] }]. */
export function tableInputs(services, dests) {
  checkSize(services, dests);
  const table = [];
  for (let i = 0; i < services; i++) {
    const service = {
      protocol: 'tcp',
      address: serviceAddress(i),
      port: 80,
      scheduler: 'wlc',
      schedulerFlags: [],
      persistence: 0,
      netmask: '255.255.255.255',
      persistenceEngine: null,
      onePacket: false,
    };
    const destinations = [];
    for (let d = 0; d < dests; d++) {
      destinations.push({
        address: destinationAddress(i, d),
        port: 80,
        forwarding: 'masq',
        weight: 1,
        upperThreshold: 0,
        lowerThreshold: 0,
        tunnelType: 'ipip',
        tunnelPort: 0,
        tunnelChecksum: 'nocsum',
      });
    }
    table.push({ service, destinations });
  }
  return table;
}
