import { QueryClient } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppProvider } from '../../app/provider';
import { formatClock } from '../../lib/format/format-time';
import { LiveFeed } from '../../lib/live/live-feed';
import { LiveIndicator } from '../live-indicator';

class FakeSocket {
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  close() {
    this.onclose?.();
  }
}

describe('live-indicator', () => {
  it('says live, then reconnecting with the time the data went stale', () => {
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
    expect(screen.getByTestId('live-status')).toHaveTextContent('Live');
    const lost = Date.now();
    act(() => sockets[0]?.onclose?.());
    expect(screen.getByTestId('live-status')).toHaveTextContent(`data stale since ${formatClock(lost)}`);
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
