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

  it('shows every problem at once, each next to its field, and sends nothing', async () => {
    const fetch = vi.fn((_url: string, _init?: RequestInit) =>
      Promise.resolve(jsonResponse(200, { schedulers: ['wlc'] })),
    );
    vi.stubGlobal('fetch', fetch);
    renderWithProviders(<CreateServiceForm onDone={() => undefined} />);
    fireEvent.change(screen.getByLabelText('Virtual IP'), { target: { value: '10.0.0.300' } });
    fireEvent.change(screen.getByLabelText('Port'), { target: { value: 'abc' } });
    fireEvent.change(screen.getByLabelText('Persistence timeout (s, 0 = off)'), { target: { value: '-1' } });
    // No command for values that do not validate (it used to read "-p NaN" and the like).
    expect(screen.queryByLabelText('Equivalent command')).toBeNull();
    expect(screen.getByText('The equivalent command appears once every field is valid.')).toBeInTheDocument();
    fireEvent.click(screen.getByText('Create service'));
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(3));
    expect(screen.getByLabelText('Virtual IP')).toHaveAccessibleDescription(
      /"10\.0\.0\.300" is not an IP address/,
    );
    expect(screen.getByLabelText('Port')).toHaveAccessibleDescription(
      'Enter a whole number from 0 to 65535.',
    );
    expect(screen.getByLabelText('Persistence timeout (s, 0 = off)')).toHaveAccessibleDescription(
      'Enter a whole number from 0 to 2678400.',
    );
    expect(fetch.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);
  });

  it('speaks Korean when the user does', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(jsonResponse(200, { schedulers: ['wlc'] }))),
    );
    localStorage.setItem('ipvs-dashboard.language', 'ko');
    renderWithProviders(<CreateServiceForm onDone={() => undefined} />);
    localStorage.removeItem('ipvs-dashboard.language');
    fireEvent.change(screen.getByLabelText('가상 IP'), { target: { value: '10.0.0.1' } });
    fireEvent.change(screen.getByLabelText('포트'), { target: { value: '70000' } });
    fireEvent.click(screen.getByText('서비스 만들기'));
    await waitFor(() =>
      expect(screen.getByLabelText('포트')).toHaveAccessibleDescription(
        '0부터 65535 사이의 정수를 입력하세요.',
      ),
    );
  });

  it('takes every ipvsadm -A option: -b flags, -M netmask, --pe and -o', () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(jsonResponse(200, { schedulers: ['sh', 'wlc'] }))),
    );
    renderWithProviders(<CreateServiceForm onDone={() => undefined} />);
    fireEvent.change(screen.getByLabelText('Protocol'), { target: { value: 'udp' } });
    fireEvent.change(screen.getByLabelText('Virtual IP'), { target: { value: '10.0.0.1' } });
    fireEvent.change(screen.getByLabelText('Port'), { target: { value: '53' } });
    fireEvent.change(screen.getByLabelText('Scheduler'), { target: { value: 'sh' } });
    fireEvent.click(screen.getByLabelText('sh-port'));
    fireEvent.change(screen.getByLabelText('Persistence timeout (s, 0 = off)'), { target: { value: '300' } });
    fireEvent.change(screen.getByLabelText('Persistence netmask'), { target: { value: '255.255.255.0' } });
    fireEvent.change(screen.getByLabelText('Persistence engine'), { target: { value: 'sip' } });
    fireEvent.click(screen.getByLabelText('One-packet scheduling (UDP)'));
    expect(screen.getByLabelText('Equivalent command')).toHaveTextContent(
      /^ipvsadm -A -u 10\.0\.0\.1:53 -s sh -p 300 -M 255\.255\.255\.0 --pe sip -o -b sh-port$/,
    );
  });

  it('puts the agent’s refusal next to the field it names, without the field’s API name', async () => {
    const fetch = vi.fn((_url: string, init?: RequestInit) =>
      Promise.resolve(
        init?.method === 'POST'
          ? jsonResponse(400, {
              error: {
                code: 'SCHEDULER_NOT_FOUND',
                message: 'scheduler: wlc is not loaded',
                field: 'scheduler',
              },
            })
          : jsonResponse(200, { schedulers: ['wlc'] }),
      ),
    );
    vi.stubGlobal('fetch', fetch);
    const onDone = vi.fn();
    renderWithProviders(<CreateServiceForm onDone={onDone} />);
    fireEvent.change(screen.getByLabelText('Virtual IP'), { target: { value: '10.0.0.1' } });
    fireEvent.click(screen.getByText('Create service'));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/^wlc is not loaded$/));
    expect(screen.getByLabelText('Scheduler')).toHaveAttribute('aria-invalid', 'true');
    expect(onDone).not.toHaveBeenCalled();
  });
});
