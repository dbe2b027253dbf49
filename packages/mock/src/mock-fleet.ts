import { bundlePath, vendors as allVendors, type Vendor } from '@envspec/specs/vendors';
import { defaultMockPorts } from './ports.ts';
import { startPrism, type MockMode, type PrismProcess } from './prism-process.ts';

export interface MockFleetOptions {
  vendors?: readonly Vendor[];
  ports?: Partial<Record<Vendor, number>>;
  host?: string;
  mode?: MockMode;
  seed?: string;
  onLog?: (vendor: Vendor, line: string) => void;
}

export interface RunningMock {
  vendor: Vendor;
  url: string;
  port: number;
}

export interface MockFleet {
  mocks: RunningMock[];
  stop(): Promise<void>;
}

/** Starts one Prism mock per vendor in parallel and resolves when every one answers. */
export async function startMocks(options: MockFleetOptions = {}): Promise<MockFleet> {
  const { vendors = allVendors, host = '127.0.0.1', mode = 'static', seed, onLog } = options;
  const started = await Promise.allSettled(
    vendors.map(async (vendor) => {
      const port = options.ports?.[vendor] ?? defaultMockPorts[vendor];
      const prism = await startPrism({
        specPath: bundlePath(vendor),
        port,
        host,
        mode,
        ...(seed === undefined ? {} : { seed }),
        onLog: (line) => onLog?.(vendor, line),
      });
      return { vendor, port, prism };
    }),
  );
  const running = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const stopAll = async (processes: PrismProcess[]) => {
    await Promise.all(processes.map((process) => process.stop()));
  };
  const failure = started.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) {
    await stopAll(running.map((entry) => entry.prism));
    throw failure.reason;
  }
  return {
    mocks: running.map(({ vendor, port, prism }) => ({ vendor, port, url: prism.url })),
    stop: () => stopAll(running.map((entry) => entry.prism)),
  };
}
