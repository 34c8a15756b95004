import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { destination } from '../../../../testing/fixtures';
import { jsonResponse, renderWithProviders } from '../../../../testing/render-with-providers';
import { ServerEditor } from '../server-editor';

const reads = ['/api/v1/info', '/api/v1/session'];
const serviceKey = { protocol: 'tcp' as const, address: '10.0.0.1', port: 80 };

describe('server-editor', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("keeps what the user typed after Apply when the Apply's answer comes in later", async () => {
    const server = destination('10.1.0.1', { weight: 2 });
    let answer: (response: Response) => void = () => undefined;
    const fetch = vi.fn((url: string) =>
      reads.includes(url)
        ? Promise.resolve(jsonResponse(404, {}))
        : new Promise<Response>((resolve) => (answer = resolve)),
    );
    vi.stubGlobal('fetch', fetch);
    renderWithProviders(<ServerEditor sid="tcp:10.0.0.1:80" serviceKey={serviceKey} destination={server} />);
    fireEvent.change(screen.getByLabelText('Upper threshold (0 = none)'), { target: { value: '50' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(fetch.mock.calls.some(([url]) => !reads.includes(url))).toBe(true));
    // Typed while the change is on its way: the answer must not reset the form to the table's values.
    fireEvent.change(screen.getByLabelText('Weight', { selector: 'input' }), { target: { value: '9' } });
    await act(async () => {
      answer(jsonResponse(200, { ...server, upperThreshold: 50 }));
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(screen.getByLabelText('Weight', { selector: 'input' })).toHaveValue('9');
  });
});
