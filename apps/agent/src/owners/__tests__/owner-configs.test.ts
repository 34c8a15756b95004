import { describe, expect, it } from 'vitest';
import { parseConfigBlocks } from '../config-blocks.js';
import { keepalivedPlan } from '../keepalived-config.js';
import { ldirectordPlan } from '../ldirectord-config.js';

const keepalivedConf = `
! Configuration File for keepalived
global_defs {
   router_id LVS_A   # this director
}
vrrp_instance VI_1 {
    state MASTER
    interface eth0
    virtual_router_id 51
    priority 150
    virtual_ipaddress {
        10.0.0.100/24 dev eth0
        2001:DB8:0:0::100
    }
}
vrrp_instance VI_2 { state BACKUP
    virtual_ipaddress { 10.0.0.101 }
}
virtual_server 10.0.0.100 80 {
    delay_loop 6
    lb_algo wlc
    lb_kind NAT
    protocol TCP
    real_server 10.0.1.1 80 {
        weight 3
        TCP_CHECK { connect_timeout 3 }
    }
}
virtual_server 10.0.0.100 53 {
    protocol UDP
}
virtual_server fwmark 7 {
    lb_algo rr
}
virtual_server_group WEB {
    10.0.0.102 443
    10.0.0.110-120 443
    fwmark 9
}
virtual_server group WEB {
    protocol TCP
}
virtual_server group MISSING {
}
`;

describe('keepalived.conf', () => {
  it('names every virtual server it manages as the agent does, and its VRRP addresses', () => {
    const plan = keepalivedPlan(parseConfigBlocks(keepalivedConf));
    expect(plan.services.sort()).toEqual(
      ['fwmark:7', 'fwmark:9', 'tcp:10.0.0.100:80', 'tcp:10.0.0.102:443', 'udp:10.0.0.100:53'].sort(),
    );
    // The range entry and the unknown group cannot be named one by one.
    expect(plan.unnamed).toBe(2);
    expect(plan.vrrp).toEqual([
      { instance: 'VI_1', configuredState: 'master', virtualAddresses: ['10.0.0.100', '2001:db8::100'] },
      { instance: 'VI_2', configuredState: 'backup', virtualAddresses: ['10.0.0.101'] },
    ]);
  });

  it('reads IPv6 virtual servers in the agent’s id form', () => {
    const plan = keepalivedPlan(parseConfigBlocks('virtual_server 2001:db8::1 443 {\n protocol SCTP\n}\n'));
    expect(plan.services).toEqual(['sctp:[2001:db8::1]:443']);
  });
});

describe('ldirectord.cf', () => {
  it('names each virtual= section with its protocol', () => {
    const plan = ldirectordPlan(`checktimeout=3
# a comment
virtual=192.168.6.240:80
	real=192.168.6.2:80 gate
	service=http
	protocol=tcp
virtual=192.168.6.240:53
	protocol=udp
virtual=[2001:db8::5]:80
	real=[2001:db8::6]:80 masq
virtual=3
	protocol=fwm
virtual=nonsense
`);
    expect(plan.services).toEqual([
      'tcp:192.168.6.240:80',
      'udp:192.168.6.240:53',
      'tcp:[2001:db8::5]:80',
      'fwmark:3',
    ]);
    expect(plan.unnamed).toBe(1);
  });
});
