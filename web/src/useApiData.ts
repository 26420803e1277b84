import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { ApiError } from './api.ts';

export interface ApiData<T> {
  data: T | undefined;
  loading: boolean;
  error: ApiError | undefined;
  reload: () => Promise<void>;
  setData: (data: T) => void;
}

/** Loads once per change of `deps`; answers that arrive after a newer request started are dropped. */
export function useApiData<T>(load: () => Promise<T>, deps: DependencyList): ApiData<T> {
  const [data, setData] = useState<T>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError>();
  const generation = useRef(0);
  // The caller lists what `load` depends on, as with useEffect.
  const loader = useCallback(load, deps);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    try {
      const result = await loader();
      if (mine === generation.current) {
        setData(result);
        setError(undefined);
      }
    } catch (e) {
      if (mine === generation.current) {
        setError(e instanceof ApiError ? e : new ApiError(0, 'CLIENT', e instanceof Error ? e.message : String(e)));
      }
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [loader]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, loading, error, reload, setData };
}
