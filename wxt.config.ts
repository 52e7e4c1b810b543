import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: {
    name: '政府信息公开年报核验 · Gov Report Checker',
    description: '核验政府信息公开工作年度报告的统计表：勾稽关系、空白和非数字单元格。Checks the statistical tables of annual government information disclosure reports.',
    permissions: ['activeTab', 'scripting', 'storage'],
  },
});
