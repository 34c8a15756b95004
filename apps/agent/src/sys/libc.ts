// The koffi bindings to libc, loaded on first use: importing this module never touches the FFI, so unit
// tests and the simulated backend run on machines without libc or without koffi's native addon.
import { createRequire } from 'node:module';
import type * as Koffi from 'koffi';
import { errno } from './errno.js';
import { SysError } from './sys-error.js';

/** The raw libc calls, typed. Pointers are Node Buffers; `null` is NULL. */
export interface Libc {
  socket(domain: number, type: number, protocol: number): number;
  bind(fd: number, address: Buffer, addressLength: number): number;
  /** `addressLength` is in/out: a one-element array koffi writes back. */
  getsockname(fd: number, address: Buffer, addressLength: [number]): number;
  setsockopt(fd: number, level: number, name: number, value: Buffer, valueLength: number): number;
  sendto(
    fd: number,
    data: Buffer,
    length: number,
    flags: number,
    address: Buffer,
    addressLength: number,
  ): number;
  recvfrom(
    fd: number,
    buffer: Buffer,
    length: number,
    flags: number,
    address: null,
    addressLength: null,
  ): number;
  poll(fds: Buffer, count: number, timeoutMs: number): number;
  /** `vector` is native memory from allocNative (struct mmsghdr[]); `timeout` is always NULL here. */
  recvmmsg(fd: number, vector: NativeMemory, count: number, flags: number, timeout: null): number;
  close(fd: number): number;
  /** errno of the calling thread, read right after a failing call. */
  errno(): number;
  /** Zeroed native memory that stays put (system calls may keep pointers into it), its address, a view. */
  allocNative(bytes: number): { memory: NativeMemory; address: bigint; view: Buffer };
  freeNative(memory: NativeMemory): void;
}

/** An opaque handle on native memory from allocNative. */
export type NativeMemory = { readonly nativeMemory: unique symbol };

// glibc first; musl ships its libc as libc.so (Alpine images).
const libraryNames = ['libc.so.6', 'libc.so'];

let loaded: Libc | undefined;

export function libc(): Libc {
  loaded ??= loadLibc();
  return loaded;
}

function loadLibc(): Libc {
  const require = createRequire(import.meta.url);
  let koffi: typeof Koffi;
  try {
    koffi = require('koffi') as typeof Koffi;
  } catch (cause) {
    throw new SysError('load', errno.ENOSYS, `koffi is not usable here: ${String(cause)}`);
  }
  const library = openFirst(koffi);
  // Declared as C prototypes so koffi does the size_t/ssize_t conversions for this ABI.
  const bindings = {
    socket: library.func('int socket(int, int, int)'),
    bind: library.func('int bind(int, const void *, uint32_t)'),
    getsockname: library.func('int getsockname(int, void *, _Inout_ uint32_t *)'),
    setsockopt: library.func('int setsockopt(int, int, int, const void *, uint32_t)'),
    sendto: library.func('intptr_t sendto(int, const void *, size_t, int, const void *, uint32_t)'),
    recvfrom: library.func('intptr_t recvfrom(int, void *, size_t, int, void *, void *)'),
    poll: library.func('int poll(void *, unsigned long, int)'),
    close: library.func('int close(int)'),
    recvmmsg: library.func('int recvmmsg(int, void *, unsigned int, int, void *)'),
  };
  return {
    ...(bindings as unknown as Omit<Libc, 'errno' | 'allocNative' | 'freeNative'>),
    errno: () => koffi.errno(),
    allocNative(bytes: number) {
      const memory = koffi.alloc('uint8_t', bytes) as NativeMemory;
      const view = Buffer.from(koffi.view(memory, bytes));
      view.fill(0);
      return { memory, address: koffi.address(memory), view };
    },
    freeNative: (memory: NativeMemory) => koffi.free(memory),
  };
}

function openFirst(koffi: typeof Koffi): Koffi.LibraryHandle {
  const failures: string[] = [];
  for (const name of libraryNames) {
    try {
      return koffi.load(name);
    } catch (cause) {
      failures.push(`${name}: ${String(cause)}`);
    }
  }
  throw new SysError('dlopen', errno.ENOSYS, failures.join('; '));
}
