import { useMutation, useQueryClient } from '@tanstack/react-query';
import { kernelSettingsQueryKey, setKernelSetting } from '../../../lib/table/get-kernel-settings';

export function useSetKernelSetting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ name, value }: { name: string; value: number }) => setKernelSetting(name, value),
    onSettled: () => queryClient.invalidateQueries({ queryKey: kernelSettingsQueryKey }),
  });
}
