export { createContractCommand, type ContractCommandOptions } from './contract-command.ts';
