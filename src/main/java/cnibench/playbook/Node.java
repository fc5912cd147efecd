package cnibench.playbook;

/** An entry of a task list: a task or a block. */
public sealed interface Node permits Task, Block {
}
