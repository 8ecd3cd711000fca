import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// recharts' ResponsiveContainer observes its size; jsdom has no ResizeObserver
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as any).ResizeObserver ??= ResizeObserverStub;

// material-table pages are slow to render when every suite runs in parallel
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(20_000);
