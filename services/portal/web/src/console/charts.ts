// ECharts parts the console draws with, registered once (tree-shaken: only these are bundled).
import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { BarChart, BoxplotChart, CustomChart, LineChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';

use([
  CanvasRenderer,
  BarChart,
  LineChart,
  BoxplotChart,
  ScatterChart,
  CustomChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkLineComponent,
  DataZoomComponent,
  AriaComponent,
]);

export { default as VChart } from 'vue-echarts';

/** The palette: 按时 green, 超期 red, the rest the government blue. */
export const colors = { onTime: '#2e7d32', late: '#c62828', primary: '#0b3d91', secondary: '#f39c12', limit: '#c62828' };
