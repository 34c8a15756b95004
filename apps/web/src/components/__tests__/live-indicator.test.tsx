import { QueryClient } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProvider } from '../../app/provider';
import { LiveFeed } from '../../lib/live/live-feed';
import { LiveIndicator } from '../live-indicator';
import { UnreachableNotice } from '../unreachable-notice';
import { useLiveStatus } from '../../lib/live/use-live-status';

class FakeSocket {
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: (() => void) | null = null;
  close() {
    this.onclose?.();
  }
}

function Notice() {
  return <UnreachableNotice status={useLiveStatus()} />;
}

describe('live-indicator', () => {
  afterEach(() => vi.useRealTimers());

  it('says live, then in words that the agent cannot be reached and the time of the last data', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2026, 0, 1, 9, 15, 30));
    const sockets: FakeSocket[] = [];
    const feed = new LiveFeed(new QueryClient(), 'ws://test', () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket as unknown as WebSocket;
    });
    feed.start();
    render(
      <AppProvider queryClient={new QueryClient()} feed={feed}>
        <LiveIndicator />
        <Notice />
      </AppProvider>,
    );
    act(() => sockets[0]?.onopen?.());
    expect(screen.getByTestId('live-status')).toHaveTextContent('Live');
    expect(screen.queryByTestId('unreachable')).toBeNull();
    act(() => {
      vi.advanceTimersByTime(2000);
    });
    act(() => sockets[0]?.onmessage?.({ data: 'not a frame' }));
    act(() => {
      vi.advanceTimersByTime(3000);
    });
    act(() => sockets[0]?.onclose?.());
    expect(screen.getByTestId('live-status')).toHaveTextContent('Agent unreachable, data from 09:15:32');
    expect(screen.getByTestId('unreachable')).toHaveTextContent(
      'The agent cannot be reached. The numbers on this page are from 09:15:32 and are no longer live.',
    );
    feed.stop();
  });

  it('warns, naming the frame kind, when live frames fail validation', () => {
    const sockets: FakeSocket[] = [];
    const feed = new LiveFeed(new QueryClient(), 'ws://test', () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket as unknown as WebSocket;
    });
    feed.start();
    render(
      <AppProvider queryClient={new QueryClient()} feed={feed}>
        <LiveIndicator />
      </AppProvider>,
    );
    act(() => sockets[0]?.onopen?.());
    expect(screen.queryByTestId('rejected-frames')).toBeNull();
    act(() => sockets[0]?.onmessage?.({ data: '{"type":"sample","services":"not a list"}' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Ignored 1 live frames');
    expect(screen.getByRole('alert')).toHaveTextContent('"sample"');
    feed.stop();
  });
});
