import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../../testing/render-with-providers';
import { CreateServiceForm } from '../create-service-form';

describe('create-service-form', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the ipvsadm command as the user types', () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(jsonResponse(200, { schedulers: ['rr', 'wrr'] }))),
    );
    renderWithProviders(<CreateServiceForm onDone={() => undefined} />);
    fireEvent.change(screen.getByLabelText('Virtual IP'), { target: { value: '10.0.0.1' } });
    fireEvent.change(screen.getByLabelText('Port'), { target: { value: '443' } });
    expect(screen.getByLabelText('Equivalent command')).toHaveTextContent(
      'ipvsadm -A -t 10.0.0.1:443 -s wlc',
    );
  });

  it('puts the agent’s sentence next to the field it names', async () => {
    const fetch = vi.fn((_url: string, init?: RequestInit) =>
      Promise.resolve(
        init?.method === 'POST'
          ? jsonResponse(400, {
              error: {
                code: 'VALIDATION_FAILED',
                message: 'address: "10.0.0.300" is not an IPv4 address',
                field: 'address',
              },
            })
          : jsonResponse(200, { schedulers: ['wlc'] }),
      ),
    );
    vi.stubGlobal('fetch', fetch);
    const onDone = vi.fn();
    renderWithProviders(<CreateServiceForm onDone={onDone} />);
    fireEvent.change(screen.getByLabelText('Virtual IP'), { target: { value: '10.0.0.300' } });
    fireEvent.click(screen.getByText('Create service'));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('"10.0.0.300" is not an IPv4 address'),
    );
    expect(screen.getByLabelText('Virtual IP')).toHaveAttribute('aria-invalid', 'true');
    expect(onDone).not.toHaveBeenCalled();
  });
});
